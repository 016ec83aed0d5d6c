"""Installing translations: crmdesk's own .qm and Qt's (so standard dialogs speak Chinese)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from crmdesk.resources import resource_path

LANGUAGES = ("zh_CN", "en")


def effective_language(choice: str, system: QLocale | None = None) -> str:
    """"system" follows the OS locale: Chinese for any zh locale, English otherwise."""
    if choice in LANGUAGES:
        return choice
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


class Translations:
    """Keeps the installed translators so the language can be switched at run time."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> None:
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        self.language = language
        if language == "zh_CN":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in (
                ("qtbase_zh_CN", qt_dir),
                ("crmdesk_zh_CN", str(resource_path("i18n"))),
            ):
                translator = QTranslator(self._app)
                if translator.load(name, folder):
                    self._app.installTranslator(translator)
                    self._translators.append(translator)
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
