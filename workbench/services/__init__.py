"""Use cases. Each public function is one transaction: it applies the domain rules, writes its
audit events in the same transaction, and returns plain data (views) for the caller to render."""
