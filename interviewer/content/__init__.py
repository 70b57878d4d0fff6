"""Loading and validating rubrics/, scenarios/ and the question bank."""
