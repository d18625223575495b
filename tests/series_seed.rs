//! The reference user's blog: no `lang:` anywhere, three days with hand-written French lists
//! like the seed (one with the wrong ordinal). Adopting them gives French managed headers,
//! and the next part is French too.

mod series_support;

use std::fs;

use series_support::{header_of, SeriesBlog};

const DAYS: [(&str, &str, &str); 3] = [
    ("2023-04-19-KubeCon-J1", "Jour 1", "premier"),
    ("2023-04-23-KubeCon-J2", "Jour 2", "deuxième"),
    // The author copied day 2's sentence: adoption fixes the ordinal.
    ("2023-04-30-KubeCon-J3", "Jour 3", "deuxième"),
];

/// A blog shaped like the seed's: banner image, `<br>`, sentence and list, no `lang:`.
fn seed_blog() -> SeriesBlog {
    let blog = SeriesBlog::new();
    let root = blog.root();
    fs::remove_dir_all(&root).expect("clear");
    fs::create_dir_all(root.join("_posts")).expect("mkdir");
    fs::write(root.join("_config.yml"), "title: Blog\n").expect("config");
    for (i, (name, day, ordinal)) in DAYS.iter().enumerate() {
        let mut list = String::new();
        for (j, (other, other_day, _)) in DAYS.iter().enumerate() {
            if i == j {
                list.push_str(&format!("- __{other_day}__\n"));
            } else {
                list.push_str(&format!("- [{other_day}]({{% post_url {other} %}})\n"));
            }
        }
        let text = format!(
            "---\nlayout: post\ntitle: \"KubeCon Europe 2023 - {day}\"\n\
             tags: [\"Kubernetes\", \"Conference\"]\nseries: \"KubeCon Europe 2023\"\n---\n\n\
             ## ![](/assets/images/2023-04-19-KubeCon_Entrance.jpeg)\n\n<br>\n\n\
             Cet article est le {ordinal} d'une série sur la `KubeCon Europe 2023`\n{list}\n\
             Grâce à `Amadeus`, j'ai pu y aller.\n\n# Keynotes\n"
        );
        fs::write(root.join(format!("_posts/{name}.md")), text).expect("post");
    }
    blog
}

#[test]
fn adopts_the_seed_lists_in_french_and_fixes_the_ordinal() {
    let blog = seed_blog();
    assert!(blog.ok(&["series", "sync"]).is_empty());
    assert_eq!(blog.ok(&["series", "sync", "--adopt"]).len(), 3);
    let j3 = blog.read("_posts/2023-04-30-KubeCon-J3.md");
    assert_eq!(
        header_of(&j3),
        "<!-- series -->\n\
         Cet article est le troisième d'une série sur la `KubeCon Europe 2023`\n\
         - [Jour 1]({% post_url 2023-04-19-KubeCon-J1 %})\n\
         - [Jour 2]({% post_url 2023-04-23-KubeCon-J2 %})\n\
         - __Jour 3__\n\
         \n<!-- /series -->"
    );
    assert_eq!(j3.matches("- __Jour 3__").count(), 1, "{j3}");
    assert!(j3.contains("<br>\n\n<!-- series -->"), "{j3}");
    assert!(blog.ok(&["series", "sync", "--adopt"]).is_empty());
}

#[test]
fn the_next_part_of_a_french_series_without_lang_is_french() {
    let blog = seed_blog();
    blog.ok(&["series", "sync", "--adopt"]);
    let path = blog.ok(&["new", "--series", "KubeCon Europe 2023"]);
    assert_eq!(path, ["_drafts/kubecon-europe-2023-jour-4.md"]);
    let text = blog.read(&path[0]);
    assert!(text.contains("title: \"KubeCon Europe 2023 - Jour 4\"\ndate: 2023-05-01\n"));
    assert!(text.contains("Cet article est le quatrième"), "{text}");
    assert!(text.contains("Ce talk a été donné par"), "{text}");
    let j1 = blog.read("_posts/2023-04-19-KubeCon-J1.md");
    assert!(
        header_of(&j1).ends_with("- Jour 4\n\n<!-- /series -->"),
        "{j1}"
    );
}
