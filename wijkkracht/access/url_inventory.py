"""The list of every URL pattern in a URL configuration, by its full name."""

from django.urls import URLPattern, URLResolver, get_resolver


def url_pattern_names(urlconf=None) -> list[str]:
    """Every pattern as 'namespace:name'; an unnamed pattern appears as '<unnamed: route>'."""
    names = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = ":".join(filter(None, [namespace, pattern.namespace]))
                walk(pattern.url_patterns, ns)
            elif isinstance(pattern, URLPattern):
                if pattern.name:
                    names.append(":".join(filter(None, [namespace, pattern.name])))
                else:
                    names.append(f"<unnamed: {pattern.pattern}>")

    walk(get_resolver(urlconf).url_patterns, "")
    return names


def url_patterns_without_rule(policy: dict, urlconf=None) -> list[str]:
    return [name for name in url_pattern_names(urlconf) if name not in policy]
