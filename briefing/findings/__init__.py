"""Reading and checking the findings: load the YAML, conform it to the model, check the
rules across records, verify every quote and figure against its source."""
