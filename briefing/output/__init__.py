"""The outputs: put a built report in place, or compare it with what is there."""
