"""`manage.py check --deploy` warns when mails would only be printed to the log."""

from django.core.checks import run_checks

from gesprekstool.lib.env import CONSOLE_BACKEND, SMTP_BACKEND


def warning_ids(**kwargs) -> list[str]:
    return [m.id for m in run_checks(include_deployment_checks=True, **kwargs) if m.id.startswith("gt_lib.")]


def test_deploy_check_warns_when_mail_goes_to_the_console(settings):
    settings.EMAIL_BACKEND = CONSOLE_BACKEND

    assert warning_ids() == ["gt_lib.W001"]


def test_deploy_check_is_quiet_with_a_mail_server(settings):
    settings.EMAIL_BACKEND = SMTP_BACKEND

    assert warning_ids() == []


def test_ordinary_check_does_not_warn_about_mail(settings):
    settings.EMAIL_BACKEND = CONSOLE_BACKEND

    assert [m.id for m in run_checks() if m.id.startswith("gt_lib.")] == []
