"""Reading the API's problem answers (RFC 9457) in tests."""

PROBLEM_JSON = "application/problem+json"


def problem_errors(response) -> dict[str, list[str]]:
    """The messages of a 400 problem per field or parameter (``""``: about the request as a whole)."""
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM_JSON
    errors: dict[str, list[str]] = {}
    for error in response.json()["errors"]:
        errors.setdefault(error.get("name", ""), []).append(error["detail"])
    return errors
