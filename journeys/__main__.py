"""``python -m journeys`` is the same as the ``journeys`` command."""

import sys

from journeys.cli import main

sys.exit(main())
