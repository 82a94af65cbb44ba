//! The templates `mtedu new mod` knows: their names, what each one needs
//! from the game, and which texture it draws.

use super::texture::Picture;

/// One kind of starting mod, from `mod-templates/<name>/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    Empty,
    Node,
    Craftitem,
    Tool,
    Craft,
    Chatcommand,
    Entity,
    Formspec,
}

impl Template {
    /// Every template, in the order `--help` and the tests list them.
    pub const ALL: &'static [Template] = &[
        Template::Empty,
        Template::Node,
        Template::Craftitem,
        Template::Tool,
        Template::Craft,
        Template::Chatcommand,
        Template::Entity,
        Template::Formspec,
    ];

    /// The folder name under `mod-templates/`, also the `--template` value.
    pub fn name(self) -> &'static str {
        match self {
            Template::Empty => "empty",
            Template::Node => "node",
            Template::Craftitem => "craftitem",
            Template::Tool => "tool",
            Template::Craft => "craft",
            Template::Chatcommand => "chatcommand",
            Template::Entity => "entity",
            Template::Formspec => "formspec",
        }
    }

    /// The template called `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Template> {
        Template::ALL.iter().copied().find(|t| t.name() == name)
    }

    /// The mods of minetest_game the template's code uses (mod.conf `depends`).
    pub(crate) fn depends(self) -> &'static str {
        match self {
            Template::Node | Template::Tool | Template::Craft => "default",
            _ => "",
        }
    }

    /// The texture the template draws, and the item name it is made for
    /// (the file is `<modname>_<item>.png`).
    pub(crate) fn picture(self) -> (Picture, &'static str) {
        match self {
            Template::Empty => (Picture::Logo, "logo"),
            Template::Node => (Picture::Bricks, "block"),
            Template::Craftitem => (Picture::Apple, "apple"),
            Template::Tool => (Picture::Pickaxe, "pickaxe"),
            Template::Craft => (Picture::Gem, "gem"),
            Template::Chatcommand => (Picture::Star, "star"),
            Template::Entity => (Picture::Face, "mob"),
            Template::Formspec => (Picture::Sign, "sign"),
        }
    }
}

impl Template {
    /// One sentence for mod.conf and the README, in French or English.
    pub(crate) fn about(self, french: bool) -> &'static str {
        let (fr, en) = match self {
            Template::Empty => (
                "Un mod vide, prêt pour tes idées.",
                "An empty mod, ready for your ideas.",
            ),
            Template::Node => (
                "Un bloc avec sa texture et sa recette.",
                "A block with its texture and its recipe.",
            ),
            Template::Craftitem => (
                "Une pomme magique qui soigne quand on la mange.",
                "A magic apple that heals you when you eat it.",
            ),
            Template::Tool => (
                "Une pioche qui creuse la pierre.",
                "A pickaxe that digs stone.",
            ),
            Template::Craft => (
                "Une gemme et des recettes pour la fabriquer et l'utiliser.",
                "A gem and recipes to make it and use it.",
            ),
            Template::Chatcommand => (
                "Une commande de chat qui offre une étoile.",
                "A chat command that gives a star.",
            ),
            Template::Entity => (
                "Un petit monstre qui marche tout seul.",
                "A small mob that walks on its own.",
            ),
            Template::Formspec => (
                "Une petite fenêtre ouverte par une commande de chat.",
                "A small window opened by a chat command.",
            ),
        };
        if french { fr } else { en }
    }
}
