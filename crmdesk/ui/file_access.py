"""FileAccess: the open file and today, which every access object of a window part is bound to.

Windows hand their parts an access object instead of a file or a service
module, so the parts stay free of storage and are tested with a real
temporary file; this is what they all have in common.
"""

from __future__ import annotations

from datetime import date

from crmdesk.storage.customer_file import CustomerFile


class FileAccess:
    def __init__(self, cf: CustomerFile, today: date) -> None:
        self._cf = cf
        self.today = today

    @property
    def read_only(self) -> bool:
        return self._cf.read_only
