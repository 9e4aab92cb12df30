"""The page: assemble the view of the checked findings and render the report's files."""
