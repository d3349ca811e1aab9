package tray

import "github.com/ebitengine/purego/objc"

// activationPolicyAccessory is NSApplicationActivationPolicyAccessory.
const activationPolicyAccessory = 1

// hideFromDock keeps the helper out of the Dock and the app switcher, as
// it runs from the app's bundle: it shows only its menu bar item.
func hideFromDock() {
	app := objc.ID(objc.GetClass("NSApplication")).Send(objc.RegisterName("sharedApplication"))
	app.Send(objc.RegisterName("setActivationPolicy:"), activationPolicyAccessory)
}
