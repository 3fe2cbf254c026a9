"""Stage 1: text -> Document. Reads .txt, .jsonl and folders; detects language by script."""

from visitkb.documents.language import detect_language
from visitkb.documents.model import Document, content_hash
from visitkb.documents.read import ReadResult, read_documents

__all__ = ["Document", "ReadResult", "content_hash", "detect_language", "read_documents"]
