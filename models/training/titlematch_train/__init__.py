"""Training pipeline for the TitleMatch job-title encoder (see models/training/README.md)."""
