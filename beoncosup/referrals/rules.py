"""Who may do what with referrals (filled in below)."""
