"""Worker processes that die with their parent, however the parent dies.

``multiprocessing`` stops its daemonic children when the parent exits normally, but not
when the parent is killed (``kill -9``, the out-of-memory killer): the children then hold
their pipes open, wait for work forever and keep their memory (a spaCy worker holds about
200 MB). Each worker calls :func:`die_with_parent` when it starts: on Linux the kernel
then sends it ``SIGKILL`` when the parent goes (``PR_SET_PDEATHSIG``, prctl(2)); if the
parent is already gone, the worker exits at once. Standard library only.

>>> import os
>>> die_with_parent(os.getppid())  # this process's parent is alive: nothing happens
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent_pid: int) -> None:
    """Make this process receive ``SIGKILL`` when ``parent_pid`` (its parent) exits.

    On systems without ``prctl`` only the check that the parent still lives is made.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # no usable libc: fall back to the check below
            pass
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)
