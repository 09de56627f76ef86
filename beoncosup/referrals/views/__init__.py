"""The referral pages: refer (professional and self), follow (referrer), team (care team),
inbox (receiving service), person (the private link)."""
