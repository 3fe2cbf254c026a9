"""Stage 3b: claims -> knowledge: people across scripts, roles by date, windows, merging."""
