"""The demo newsroom: its reference data, story templates, pictures and the code that seeds them."""
