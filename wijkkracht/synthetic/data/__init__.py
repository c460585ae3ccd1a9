"""Fixture data for the synthetic city: areas, street themes, organisations, names.

Everything here is SYNTHETIC and APPROXIMATE. The names of city parts, districts and neighbourhoods
are inspired by Almere, but the CBS codes, postcode ranges, population weights and team areas are
made up for demo and benchmark use. This is not official CBS or PostNL data.
"""
