"""Importable only through extra.pth in WEB-INF/python."""
ORIGIN = "found through a .pth file"
