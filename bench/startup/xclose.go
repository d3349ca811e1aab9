package main

/*
#cgo pkg-config: x11
#include <X11/Xlib.h>
#include <stdlib.h>

// closeWindow asks window win to close as a window manager's close button
// does (WM_DELETE_WINDOW), so the app's close handler runs.
static int closeWindow(const char *name, unsigned long win) {
	Display *d = XOpenDisplay(name);
	if (!d) return 1;
	XEvent ev = {0};
	ev.xclient.type = ClientMessage;
	ev.xclient.window = win;
	ev.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
	ev.xclient.format = 32;
	ev.xclient.data.l[0] = XInternAtom(d, "WM_DELETE_WINDOW", False);
	ev.xclient.data.l[1] = CurrentTime;
	XSendEvent(d, win, False, NoEventMask, &ev);
	XSync(d, False);
	XCloseDisplay(d);
	return 0;
}
*/
import "C"

import (
	"fmt"
	"strconv"
	"unsafe"
)

// closeWindow sends WM_DELETE_WINDOW to the X window id (decimal, as
// xdotool prints it) on display disp. There is no window manager under
// Xvfb, so this is how the benchmark presses the window's close button.
func closeWindow(disp, id string) error {
	win, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return fmt.Errorf("window id %q: %w", id, err)
	}
	name := C.CString(disp)
	defer C.free(unsafe.Pointer(name))
	if C.closeWindow(name, C.ulong(win)) != 0 {
		return fmt.Errorf("cannot open display %s", disp)
	}
	return nil
}
