"""The FieldKit central registry: an HTTP service (FastAPI on uvicorn) that laptops sync with.

Qt-free. SQLite by default, PostgreSQL by URL; photo blobs in a content-addressed folder.
"""
