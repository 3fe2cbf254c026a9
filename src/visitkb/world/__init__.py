"""World knowledge as data: countries (from pycountry), places, officials and terms of office."""
