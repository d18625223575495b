#!/usr/bin/python3
"""A tiny GTK3 drag source for the end-to-end tests: a window at X,Y offering FILE... as a
text/uri-list drag, as a file manager does. Run with Debian's /usr/bin/python3 (python3-gi,
gir1.2-gtk-3.0) under the same X display as the app, then drag from it with xdotool.

Usage: drag_source.py X Y FILE...
Prints "ready" once shown, and "drag-end" after a drag (on stdout, flushed)."""
import os
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402


def main():
    x, y = int(sys.argv[1]), int(sys.argv[2])
    uris = [GLib.filename_to_uri(os.path.abspath(f), None) for f in sys.argv[3:]]

    window = Gtk.Window(title="lanyard-drag-source")
    window.set_decorated(False)
    window.set_keep_above(True)
    window.set_default_size(160, 100)
    window.move(x, y)

    source = Gtk.EventBox()
    source.add(Gtk.Label(label=f"{len(uris)} photo(s)"))
    source.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
    source.drag_source_add_uri_targets()

    def on_get(_widget, _context, data, _info, _time):
        data.set_uris(uris)

    def on_end(_widget, _context):
        print("drag-end", flush=True)

    source.connect("drag-data-get", on_get)
    source.connect("drag-end", on_end)
    window.add(source)
    window.connect("destroy", Gtk.main_quit)

    def on_map(_widget, _event):
        print("ready", flush=True)
        return False

    window.connect("map-event", on_map)
    window.show_all()
    Gtk.main()


if __name__ == "__main__":
    main()
