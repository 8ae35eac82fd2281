"""The pages of the workshop app, one file each (thin: a few library calls)."""
