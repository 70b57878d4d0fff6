"""interviewer: a terminal mock interviewer for machine-learning engineering interviews."""

__version__ = "0.1.0"
