"""The frame every inline-SVG chart shares with its template: the drawing's size and the plot area
inside it, in the SVG's own units (the templates draw axes and gridlines along these edges)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PlotArea:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
