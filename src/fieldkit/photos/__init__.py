"""Photos: the content-addressed store of originals, EXIF, thumbnails, positions from tracks.

Qt-free: the gallery shows what these functions return.
"""
