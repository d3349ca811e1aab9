//go:build linux

package tray

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

// busClient talks to the tray over the bus with busctl, as a host would.
type busClient struct {
	t          *testing.T
	addr, name string
}

const menuPath = "/StatusNotifierItem/menu"

// on returns a copy of b that reports failures to t.
func (b busClient) on(t *testing.T) *busClient {
	b.t = t
	return &b
}

// busctl runs busctl with JSON output and decodes it into v.
func (b *busClient) busctl(v any, args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "busctl", append([]string{"--address=" + b.addr, "--json=short", "--"}, args...)...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return fmt.Errorf("busctl %v: %v: %s", args, err, ee.Stderr)
		}
		return fmt.Errorf("busctl %v: %v", args, err)
	}
	if v == nil {
		return nil
	}
	return json.Unmarshal(out, v)
}

func (b *busClient) must(v any, args ...string) {
	b.t.Helper()
	if err := b.busctl(v, args...); err != nil {
		b.t.Fatal(err)
	}
}

// prop returns a StatusNotifierItem property as text: the string, or for
// ToolTip its title.
func (b *busClient) prop(name string) (string, error) {
	var v struct{ Data any }
	if err := b.busctl(&v, "get-property", b.name, "/StatusNotifierItem", "org.kde.StatusNotifierItem", name); err != nil {
		return "", err
	}
	if tt, ok := v.Data.([]any); ok && len(tt) == 4 { // ToolTip (sa(iiay)ss)
		return fmt.Sprint(tt[2]), nil
	}
	return fmt.Sprint(v.Data), nil
}

func (b *busClient) waitProp(name, want string) {
	b.t.Helper()
	waitFor(b.t, name+" = "+want, func() (string, bool) {
		got, err := b.prop(name)
		return fmt.Sprintf("%q (%v)", got, err), err == nil && got == want
	})
}

// waitDeadline bounds every wait on the bus: generous, for a busy machine.
const waitDeadline = 30 * time.Second

// waitFor checks cond every 20 ms until it holds, failing the test with
// cond's last report after waitDeadline.
func waitFor(t *testing.T, what string, cond func() (got string, ok bool)) {
	t.Helper()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(waitDeadline)
	for {
		got, ok := cond()
		if ok {
			return
		}
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatalf("waiting for %s: got %s", what, got)
		}
	}
}

// iconTopPixel returns the ARGB bytes of the top middle pixel of the icon:
// the badge colour.
func (b *busClient) iconTopPixel() [4]byte {
	b.t.Helper()
	var v struct {
		Data [][]json.RawMessage // a(iiay)
	}
	b.must(&v, "get-property", b.name, "/StatusNotifierItem", "org.kde.StatusNotifierItem", "IconPixmap")
	if len(v.Data) != 1 || len(v.Data[0]) != 3 {
		b.t.Fatalf("IconPixmap: %v", v.Data)
	}
	var w, h int
	var pix []byte
	_ = json.Unmarshal(v.Data[0][0], &w)
	_ = json.Unmarshal(v.Data[0][1], &h)
	var ints []int
	_ = json.Unmarshal(v.Data[0][2], &ints)
	for _, i := range ints {
		pix = append(pix, byte(i))
	}
	if w != iconSize || h != iconSize || len(pix) != w*h*4 {
		b.t.Fatalf("IconPixmap %dx%d with %d bytes", w, h, len(pix))
	}
	i := (w / 2) * 4
	return [4]byte(pix[i : i+4])
}

func (b *busClient) menuVersion() uint32 {
	b.t.Helper()
	var v struct{ Data uint32 }
	b.must(&v, "get-property", b.name, menuPath, "com.canonical.dbusmenu", "Version")
	return v.Data
}

// names returns the names on the bus that start with prefix.
func (b *busClient) names(prefix string) []string {
	b.t.Helper()
	var v struct{ Data [][]string } // (as)
	b.must(&v, "call", "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "ListNames")
	if len(v.Data) != 1 {
		b.t.Fatalf("ListNames: %v", v.Data)
	}
	var found []string
	for _, n := range v.Data[0] {
		if strings.HasPrefix(n, prefix) {
			found = append(found, n)
		}
	}
	return found
}

// click sends a dbusmenu "clicked" event for the item.
func (b *busClient) click(n *menuNode) {
	b.t.Helper()
	b.must(nil, "call", b.name, menuPath, "com.canonical.dbusmenu", "Event", "isvu", fmt.Sprint(n.id), "clicked", "s", "", "0")
}

// menuNode is one item of the menu as GetLayout returns it.
type menuNode struct {
	id       int
	props    map[string]any
	children []*menuNode
}

// menu returns the whole menu from GetLayout.
func (b *busClient) menu() *menuNode {
	b.t.Helper()
	var v struct{ Data []json.RawMessage } // u(ia{sv}av)
	b.must(&v, "call", b.name, menuPath, "com.canonical.dbusmenu", "GetLayout", "iias", "0", "-1", "0")
	if len(v.Data) != 2 {
		b.t.Fatalf("GetLayout: %v", v.Data)
	}
	return parseNode(b.t, v.Data[1])
}

func parseNode(t *testing.T, raw json.RawMessage) *menuNode {
	var parts []json.RawMessage
	if err := json.Unmarshal(raw, &parts); err != nil || len(parts) != 3 {
		t.Fatalf("menu node %s: %v", raw, err)
	}
	n := &menuNode{props: map[string]any{}}
	var props map[string]struct{ Data any }
	var children []struct{ Data json.RawMessage }
	if json.Unmarshal(parts[0], &n.id) != nil || json.Unmarshal(parts[1], &props) != nil || json.Unmarshal(parts[2], &children) != nil {
		t.Fatalf("menu node %s", raw)
	}
	for k, v := range props {
		n.props[k] = v.Data
	}
	for _, c := range children {
		n.children = append(n.children, parseNode(t, c.Data))
	}
	return n
}

// labels renders the visible menu as "Label (disabled) | Check [x] |
// --- | Submenu [child | child]".
func (n *menuNode) labels() string {
	var parts []string
	for _, c := range n.children {
		if c.props["visible"] == false {
			continue
		}
		if c.props["type"] == "separator" {
			parts = append(parts, "---")
			continue
		}
		s := fmt.Sprint(c.props["label"])
		if c.props["enabled"] == false {
			s += " (disabled)"
		}
		if c.props["toggle-type"] == "checkmark" {
			s += map[bool]string{true: " [x]", false: " [ ]"}[c.props["toggle-state"] == float64(1)]
		}
		if len(c.children) > 0 {
			s += " [" + c.labels() + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " | ")
}

// find returns the visible item with the label.
func (n *menuNode) find(label string) *menuNode {
	for _, c := range n.children {
		if c.props["visible"] == false {
			continue
		}
		if c.props["label"] == label {
			return c
		}
		if f := c.find(label); f != nil {
			return f
		}
	}
	return nil
}

func (b *busClient) waitMenu(want string) {
	b.t.Helper()
	b.waitMenuFunc(want, func(got string) bool { return got == want })
}

func (b *busClient) waitMenuContains(want string) {
	b.t.Helper()
	b.waitMenuFunc(want, func(got string) bool { return strings.Contains(got, want) })
}

func (b *busClient) waitMenuFunc(want string, ok func(string) bool) {
	b.t.Helper()
	waitFor(b.t, "menu "+want, func() (string, bool) {
		got := b.menu().labels()
		return got, ok(got)
	})
}

// watcher is a fake StatusNotifierWatcher with a registered host.
type watcher struct{ items chan string }

// RegisterStatusNotifierItem is the watcher's D-Bus method.
func (w *watcher) RegisterStatusNotifierItem(service string) *dbus.Error {
	w.items <- service
	return nil
}

// fakeWatcher puts a StatusNotifierWatcher on the bus at addr and returns
// the channel of the items that register with it.
func fakeWatcher(t *testing.T, addr string) <-chan string {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	w := &watcher{items: make(chan string, 4)}
	const path, iface = "/StatusNotifierWatcher", "org.kde.StatusNotifierWatcher"
	if err := conn.Export(w, path, iface); err != nil {
		t.Fatal(err)
	}
	_, err = prop.Export(conn, path, prop.Map{iface: {
		"IsStatusNotifierHostRegistered": {Value: true},
		"ProtocolVersion":                {Value: int32(0)},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(iface, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("RequestName: %v %v", reply, err)
	}
	return w.items
}
