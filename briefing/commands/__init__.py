"""The commands, one module each with its own ``main(argv)``: ``build`` (the default, with
--check and --watch), and the analyst's tools listed in :data:`COMMANDS`."""

# The analyst's commands beside the build: name → (module, one line of help).
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("init", "start a new briefing project in a folder"),
    "add-source": ("add_source", "copy a source text into sources/ and list it, pinned"),
    "find": ("find", "find the passages of a source closest to words you remember"),
    "pdf": ("pdf", "print the briefing to PDF through Chromium"),
    "diff": ("diff", "show what changed between two builds' findings.json"),
}
