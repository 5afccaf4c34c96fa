# Fechas como las escribe una redacción: 8 de julio de 2014.
DATE_FORMAT = r"j \d\e F \d\e Y"
