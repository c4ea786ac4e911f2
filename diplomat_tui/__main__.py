"""Allow `python -m diplomat_tui`."""

from diplomat_tui.cli import main

raise SystemExit(main())
