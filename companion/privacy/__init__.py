"""Privacy: encryption at rest, the data export, retention and logs that never carry user text."""
