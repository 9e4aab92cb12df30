"""The commands around the build: watching and serving (and the analyst's other tools)."""
