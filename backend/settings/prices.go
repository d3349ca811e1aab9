package settings

import (
	"net/url"

	"usagedash/backend"
)

// validatePriceSettings checks the price-update address (https only) and the
// connections' cache-TTL policies.
func validatePriceSettings(st *backend.Settings) error {
	if st.PriceListURL != "" {
		if u, err := url.Parse(st.PriceListURL); err != nil || u.Scheme != "https" || u.Host == "" {
			return backend.Errorf(backend.EINVALID, "The price list address must be an https:// URL.")
		}
	}
	if st.CacheTTL == nil {
		st.CacheTTL = map[string]backend.CacheTTL{}
	}
	for _, ttl := range st.CacheTTL {
		switch ttl {
		case backend.CacheTTL5m, backend.CacheTTL1h, backend.CacheTTLMatch:
		default:
			return backend.Errorf(backend.EINVALID, "Cache writes are priced as 5-minute writes, 1-hour writes, or whichever matches the reported cost.")
		}
	}
	return nil
}
