"""Forms of the provision pages. Each is short and phone-friendly; the services check the rules again."""
