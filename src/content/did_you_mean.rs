//! "Did you mean …?": the closest known word to a misspelt one.

/// The candidate closest to `word`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lowered = word.to_lowercase();
    let length = lowered.chars().count();
    let limit = if word.chars().count() <= 4 { 1 } else { 2 };
    candidates
        .into_iter()
        // Words whose lengths differ by more than the limit are further
        // apart than it: not worth the distance (lint asks this of every
        // global against every known name).
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= limit)
        .map(|candidate| (strsim::damerau_levenshtein(&lowered, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, candidate)| (*distance, *candidate))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn finds_close_words_only() {
        let keys = ["description", "depends", "name", "optional_depends"];
        assert_eq!(did_you_mean("descriptions", keys), Some("description"));
        assert_eq!(did_you_mean("Name", keys), Some("name"));
        assert_eq!(did_you_mean("dependss", keys), Some("depends"));
        assert_eq!(did_you_mean("colour", keys), None);
    }
}
