//go:build linux

package notify_test

import (
	"sync"
	"testing"

	"github.com/godbus/dbus/v5"
)

// call is one Notify call the fake notification server received.
type call struct {
	AppName    string
	ReplacesID uint32
	Icon       string
	Summary    string
	Body       string
	Urgency    byte
	HasUrgency bool
	Timeout    int32
}

// server is a fake org.freedesktop.Notifications service.
type server struct {
	mu    sync.Mutex
	calls []call
	block chan struct{} // when set, Notify waits on it before answering
}

// Notify implements org.freedesktop.Notifications.Notify.
func (s *server) Notify(appName string, replacesID uint32, icon, summary, body string,
	actions []string, hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	if s.block != nil {
		<-s.block
	}
	c := call{AppName: appName, ReplacesID: replacesID, Icon: icon, Summary: summary, Body: body, Timeout: timeout}
	if v, ok := hints["urgency"]; ok {
		c.Urgency, c.HasUrgency = v.Value().(byte)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, c)
	return uint32(len(s.calls)), nil
}

func (s *server) recorded() []call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]call(nil), s.calls...)
}

// serve connects to the bus at addr, owns org.freedesktop.Notifications and
// exports s on it. stop releases the name (waiting for the bus to confirm)
// and disconnects; the test's end does too.
func serve(t *testing.T, addr string, s *server) (stop func()) {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			conn.ReleaseName("org.freedesktop.Notifications")
			conn.Close()
		})
	}
	t.Cleanup(stop)
	if err := conn.Export(s, "/org/freedesktop/Notifications", "org.freedesktop.Notifications"); err != nil {
		t.Fatal(err)
	}
	reply, err := conn.RequestName("org.freedesktop.Notifications", dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("request name: %v, %v", reply, err)
	}
	return stop
}
