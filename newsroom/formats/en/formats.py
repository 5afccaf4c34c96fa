# Dates as a newsroom prints them: 8 Jul 2014.
DATE_FORMAT = "j M Y"
