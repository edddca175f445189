"""GPS: GPX and NMEA reading, track storage format, statistics, geometry, export, live logging.

Qt-free: the UI feeds serial-port lines into :mod:`fieldkit.gps.live` and draws what is stored.
"""
