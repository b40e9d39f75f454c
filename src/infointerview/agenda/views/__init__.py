"""Pages that show several stages at once, one module per page family."""
