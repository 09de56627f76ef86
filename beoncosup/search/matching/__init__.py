"""The matcher: any registered catalogue against a person's situation, needs and words."""
