"""Static files in production: WhiteNoise's compressed, hashed storage (far-future cache headers)."""

import gzip
import zlib

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Leaves a CSS `url(...)` to a file that does not exist as it is written, instead of failing
    collectstatic: the NL Design System's token package refers to an icon it does not ship
    (background-image-icon.css -> pijltje.svg), which 404s in development just the same."""

    def url_converter(self, name, hashed_files, template=None):
        convert = super().url_converter(name, hashed_files, template)

        def converter(matchobj):
            try:
                return convert(matchobj)
            except ValueError:
                return matchobj[0]

        return converter

    def compress_files(self, paths):
        """Compress only what changed since the last collectstatic, which saves most of the half
        minute that compressing everything takes at every start of scripts/serve.sh. WhiteNoise
        writes the Brotli copy before the gzip one, so a gzip copy that unpacks to the file
        (checked in full: a copy cut short by a crash fails its checksum) means both are right."""
        return super().compress_files([path for path in paths if not self.compressed_copy_is_current(path)])

    def compressed_copy_is_current(self, path: str) -> bool:
        full_path = self.path(path)
        try:
            with open(f"{full_path}.gz", "rb") as compressed, open(full_path, "rb") as original:
                return gzip.decompress(compressed.read()) == original.read()
        except (OSError, EOFError, zlib.error):
            return False
