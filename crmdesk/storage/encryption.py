"""Whole-file encryption keys, the key file beside an encrypted file, and password verifiers.

An encrypted customer file is a SQLCipher file whose key comes from a random
*recovery key*, shown to the user once to print or write down.  The key file
``NAME.crmdesk.key`` keeps that recovery key wrapped with the user's password
(scrypt), so:

* the password can change without re-encrypting the file;
* a wrong password is told apart from a damaged file: the key file says
  whether the password is right before the file is touched;
* a file that travelled without its key file, or whose password is lost,
  still opens with the recovery key.

A plain file may carry only a password verifier (``password_verifier``): that
keeps honest people out of the window, and nobody out of the file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from crmdesk.durable import fsync_dir
from crmdesk.storage.connections import KEY_BYTES
from crmdesk.storage.replacing import written_then_renamed

KEY_FILE_SUFFIX = ".key"
_RANDOM_BYTES = 15  # 120 bits
_CHECK_BYTES = 5  # lets a mistyped recovery key be told from a damaged file
_GROUP = 4
# scrypt at n=2**15, r=8: 32 MiB and about 0.1 s per try, for verifier and key file alike.
SCRYPT_COST = {"n": 2**15, "r": 8, "p": 1}


# -- the recovery key ---------------------------------------------------------


def new_recovery_key() -> bytes:
    return secrets.token_bytes(_RANDOM_BYTES)


def _check(recovery: bytes) -> bytes:
    return hashlib.sha256(b"crmdesk recovery key\x00" + recovery).digest()[:_CHECK_BYTES]


def format_recovery_key(recovery: bytes) -> str:
    """32 characters in groups of four, e.g. ``KQ4T-…``: base32 has no 0/1/8 to misread."""
    text = base64.b32encode(recovery + _check(recovery)).decode("ascii")
    return "-".join(text[i:i + _GROUP] for i in range(0, len(text), _GROUP))


_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def parse_recovery_key(text: str) -> bytes | None:
    """The recovery key typed in ``text`` (any case, spaces or dashes, full-width
    characters), or None when ``text`` is not a well-formed recovery key."""
    text = unicodedata.normalize("NFKC", text).upper().translate(_LOOKALIKES)
    text = "".join(ch for ch in text if ch.isalnum())
    if len(text) != (_RANDOM_BYTES + _CHECK_BYTES) * 8 // 5:
        return None
    try:
        raw = base64.b32decode(text)
    except ValueError:
        return None
    recovery, check = raw[:_RANDOM_BYTES], raw[_RANDOM_BYTES:]
    return recovery if hmac.compare_digest(check, _check(recovery)) else None


def file_key(recovery: bytes) -> bytes:
    """The raw SQLCipher key of a file encrypted under ``recovery``."""
    return hashlib.sha256(b"crmdesk file key\x00" + recovery).digest()[:KEY_BYTES]


# -- scrypt ---------------------------------------------------------------------


def _scrypt(password: str, salt: bytes, cost: dict[str, int], length: int) -> bytes:
    n, r, p = cost["n"], cost["r"], cost["p"]
    return hashlib.scrypt(
        unicodedata.normalize("NFC", password).encode("utf-8"),
        salt=salt, n=n, r=r, p=p, dklen=length, maxmem=256 * n * r,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def password_verifier(password: str, cost: dict[str, int] | None = None) -> dict:
    """What a plain file keeps to check its app password: never the password."""
    cost = dict(cost or SCRYPT_COST)
    salt = secrets.token_bytes(16)
    return {"kdf": "scrypt", **cost, "salt": _b64(salt), "hash": _b64(_scrypt(password, salt, cost, 32))}


def password_matches(verifier: dict, password: str) -> bool:
    try:
        salt, expected = _unb64(verifier["salt"]), _unb64(verifier["hash"])
        found = _scrypt(password, salt, verifier, len(expected))
    except (KeyError, TypeError, ValueError):
        return False
    return hmac.compare_digest(found, expected)


# -- the key file ---------------------------------------------------------------


@dataclass(frozen=True)
class KeyFile:
    """A recovery key wrapped with a password (scrypt pad plus an HMAC check)."""

    salt: bytes
    cost: dict[str, int]
    wrapped: bytes
    check: bytes

    @classmethod
    def wrap(cls, recovery: bytes, password: str, cost: dict[str, int] | None = None) -> KeyFile:
        cost = dict(cost or SCRYPT_COST)
        salt = secrets.token_bytes(16)
        pad, mac_key = cls._pad(password, salt, cost, len(recovery))
        wrapped = bytes(a ^ b for a, b in zip(recovery, pad))
        return cls(salt, cost, wrapped, hmac.digest(mac_key, recovery, "sha256"))

    @staticmethod
    def _pad(password: str, salt: bytes, cost: dict[str, int], length: int) -> tuple[bytes, bytes]:
        out = _scrypt(password, salt, cost, length + 32)
        return out[:length], out[length:]

    def unwrap(self, password: str) -> bytes | None:
        """The recovery key, or None when ``password`` is not this key file's."""
        pad, mac_key = self._pad(password, self.salt, self.cost, len(self.wrapped))
        recovery = bytes(a ^ b for a, b in zip(self.wrapped, pad))
        return recovery if hmac.compare_digest(hmac.digest(mac_key, recovery, "sha256"), self.check) else None

    def to_json(self) -> str:
        return json.dumps({
            "crmdesk_key_file": 1, "kdf": "scrypt", **self.cost,
            "salt": _b64(self.salt), "wrapped": _b64(self.wrapped), "check": _b64(self.check),
        }, indent=1)

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        """Raises ValueError for anything but a key file this version can read."""
        try:
            data = json.loads(text)
            if data.get("crmdesk_key_file") != 1 or data.get("kdf") != "scrypt":
                raise ValueError("not a crmdesk key file")
            cost = {k: int(data[k]) for k in ("n", "r", "p")}
            return cls(_unb64(data["salt"]), cost, _unb64(data["wrapped"]), _unb64(data["check"]))
        except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as e:
            raise ValueError(f"not a crmdesk key file: {e}") from e


def key_file_path(path: Path) -> Path:
    return path.with_name(path.name + KEY_FILE_SUFFIX)


def read_key_file(path: Path) -> KeyFile | None:
    """The key file beside the customer file ``path``; None when absent or unreadable
    (the recovery key still opens the file)."""
    try:
        return KeyFile.from_json(key_file_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def write_key_file(path: Path, key_file: KeyFile | None) -> None:
    """Put (or with None, remove) the key file beside the customer file ``path``,
    atomically and readable by its owner only."""
    target = key_file_path(path)
    if key_file is None:
        try:
            target.unlink()
        except FileNotFoundError:
            return
        fsync_dir(target.parent)
        return
    with written_then_renamed(target, ".tmp") as tmp:
        tmp.write_text(key_file.to_json(), encoding="utf-8")


def copy_key_file(source: Path, target: Path) -> None:
    """Give the customer file ``target`` the key file of ``source`` (none if it has none)."""
    write_key_file(target, read_key_file(source))
