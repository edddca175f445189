"""The desktop app (PySide6). The only package that imports Qt; it calls the core through
:mod:`fieldkit.services` and refreshes its views from :class:`~fieldkit.ui.operations.Operations`."""
