"""Hostile files the tests write themselves: bombs, encrypted or oddly compressed zips."""

from __future__ import annotations

import gzip
import io
import struct
import zipfile
from pathlib import Path

MB = 1024 * 1024


def zip_of(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def zip_bomb(path: Path, name: str, expands_to: int) -> Path:
    """A deflated member of zeros: a few KB on disk per MB it expands to."""
    return zip_of(path, {name: b"0" * expands_to})


def gzip_bomb(path: Path, expands_to: int, block: int = 64 * MB, content: bytes = b"0") -> Path:
    """Concatenated gzip members (which gzip readers join): small on disk, huge expanded."""
    size = min(block, expands_to)
    one = gzip.compress(content * (size // len(content)), compresslevel=9)
    copies = -(-expands_to // block)
    path.write_bytes(one * copies)
    return path


def _patch_headers(data: bytes, local: int, central: int, value: int, size: str) -> bytes:
    """Write `value` at the given offsets of every local and central-directory header."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", local), (b"PK\x01\x02", central)):
        start = out.find(signature)
        while start != -1:
            struct.pack_into(size, out, start + offset, value)
            start = out.find(signature, start + 4)
    return bytes(out)


def encrypted(path: Path) -> Path:
    """Mark every member as encrypted (general-purpose flag bit 0), as a password zip does."""
    data = path.read_bytes()
    flags = zipfile.ZipFile(io.BytesIO(data)).infolist()[0].flag_bits | 0x1
    path.write_bytes(_patch_headers(data, 6, 8, flags, "<H"))
    return path


def compressed_with(path: Path, method: int) -> Path:
    """Claim another compression method (9 is Deflate64, which Python cannot read)."""
    path.write_bytes(_patch_headers(path.read_bytes(), 8, 10, method, "<H"))
    return path
