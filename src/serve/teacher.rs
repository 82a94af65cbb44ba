//! The teacher's account: the one player the engine gives every privilege
//! (`name =` in the server's config), so `/time`, `/teleport` and
//! `/grant` work for the teacher while pupils keep the preset's safe set.

/// A name the engine accepts for a player: 1 to 20 letters, digits, `-`
/// or `_`.
pub fn is_player_name(name: &str) -> bool {
    (1..=20).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The default teacher: the login name of whoever runs `serve`, turned
/// into a player name (other characters dropped, at most 20); `None` when
/// nothing usable is left.
pub fn default_teacher(login: Option<&str>) -> Option<String> {
    let name: String = login?
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(20)
        .collect();
    is_player_name(&name).then_some(name)
}

/// The login name of this process's user.
pub fn login_name() -> Option<String> {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .ok()
        .filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn player_names_follow_the_engine() {
        assert!(is_player_name("prof_Martin-2"));
        assert!(!is_player_name(""));
        assert!(!is_player_name("jean.dupont"));
        assert!(!is_player_name(&"a".repeat(21)));
    }

    #[test]
    fn the_login_becomes_a_player_name() {
        assert_eq!(
            default_teacher(Some("jean.dupont")),
            Some("jeandupont".to_owned())
        );
        assert_eq!(default_teacher(Some("...")), None);
        assert_eq!(default_teacher(None), None);
    }
}
