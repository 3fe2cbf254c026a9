"""Stage 2: Document -> mentions. The only package that imports spaCy."""
