//! The bundled catalog: every entry valid, and the key entries exactly as published
//! (numbers from the research notes in `shared/sla-facts.md`, sources in each entry).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: failing loudly is the point

use nines_core::sla::{DataGuaranteeKind, DowntimeKind, SourceStatus};
use nines_core::Catalog;
use std::collections::BTreeSet;

fn catalog() -> Catalog {
    Catalog::bundled().unwrap_or_else(|problems| panic!("{problems:?}"))
}

#[test]
fn every_entry_is_valid_and_sourced() {
    let catalog = catalog();
    let entries = catalog.entries();
    assert!(entries.len() >= 60, "only {} entries", entries.len());
    let ids: BTreeSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), entries.len(), "ids are unique");
    for e in entries {
        assert!(e.problems().is_empty(), "{}: {:?}", e.id, e.problems());
        assert!(
            e.id.starts_with(&format!("{}/", e.provider)),
            "{}: id names its provider",
            e.id
        );
        assert!(
            e.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '/' || c == '-'),
            "{}: slug",
            e.id
        );
        assert!(e.source.url.starts_with("https://"), "{}: source url", e.id);
        assert!(e.source.as_of <= chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date"));
        let commitment = e.commitment_percent();
        assert!((0.0..=100.0).contains(&commitment), "{}", e.id);
        for tier in &e.credit_tiers {
            assert!(
                tier.credit.value() <= e.credit_cap.value(),
                "{}: credit within cap",
                e.id
            );
        }
        if e.source.status == SourceStatus::Unverified {
            assert!(
                e.caveats.iter().any(|c| c.starts_with("Unverified")),
                "{}: unverified entries say what is unverified",
                e.id
            );
        }
    }
    for provider in ["azure", "aws", "gcp"] {
        assert!(
            entries.iter().filter(|e| e.provider == provider).count() >= 15,
            "{provider}"
        );
    }
}

/// `(below, credit)` pairs of a credit table, in percent.
type Tiers = &'static [(f64, f64)];

/// `(id, commitment, tiers, cap)` as published.
const PUBLISHED: &[(&str, f64, Tiers, f64)] = &[
    // Microsoft Online Services consolidated SLA, September 2026 edition.
    (
        "azure/virtual-machines/availability-zones",
        99.99,
        &[(99.99, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    (
        "azure/virtual-machines/availability-set",
        99.95,
        &[(99.95, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    (
        "azure/virtual-machines/single-instance-premium-ssd",
        99.9,
        &[(99.9, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    (
        "azure/virtual-machines/single-instance-standard-ssd",
        99.5,
        &[(99.5, 10.0), (95.0, 25.0), (90.0, 100.0)],
        100.0,
    ),
    (
        "azure/virtual-machines/single-instance-standard-hdd",
        95.0,
        &[(95.0, 10.0), (92.0, 25.0), (90.0, 100.0)],
        100.0,
    ),
    (
        "azure/sql-database/zone-redundant",
        99.995,
        &[(99.995, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    // Azure Backup (21Vianet SLA 2016): no 100% tier, credits stop at 25%.
    (
        "azure/backup/standard",
        99.9,
        &[(99.9, 10.0), (99.0, 25.0)],
        25.0,
    ),
    // AWS Compute SLA (May 5, 2022): region level 10/30/100.
    (
        "aws/ec2/region-level-multi-az",
        99.99,
        &[(99.99, 10.0), (99.0, 30.0), (95.0, 100.0)],
        100.0,
    ),
    (
        "aws/ebs/region-level-multi-az",
        99.99,
        &[(99.99, 10.0), (99.0, 30.0), (95.0, 100.0)],
        100.0,
    ),
    // Amazon S3 SLA (November 28, 2023).
    (
        "aws/s3/standard",
        99.9,
        &[(99.9, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    (
        "aws/s3/standard-ia",
        99.0,
        &[(99.0, 10.0), (98.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    // Amazon RDS SLA (January 22, 2024).
    (
        "aws/rds/multi-az-db-instance",
        99.95,
        &[(99.95, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    // Compute Engine SLA (last modified 2025-03-04, secondary quotes of the credit bands).
    (
        "gcp/compute-engine/multi-zone-premium-tier",
        99.99,
        &[(99.99, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    // Spanner SLA 2019: credit tiers not confirmed, so none are recorded.
    ("gcp/spanner/multi-region", 99.999, &[], 100.0),
];

#[test]
fn published_numbers() {
    let catalog = catalog();
    for &(id, commitment, tiers, cap) in PUBLISHED {
        let e = catalog.get(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(e.commitment_percent(), commitment, "{id} commitment");
        let actual: Vec<(f64, f64)> = e
            .credit_tiers
            .iter()
            .map(|t| (t.below.value(), t.credit.value()))
            .collect();
        assert_eq!(actual, tiers, "{id} tiers");
        assert_eq!(e.credit_cap.value(), cap, "{id} cap");
    }
}

#[test]
fn backup_and_storage_definitions_and_data_caveats() {
    let catalog = catalog();
    let backup = catalog.get("azure/backup/standard").expect("backup");
    assert_eq!(
        backup.downtime_definition.kind,
        DowntimeKind::DeploymentMinutes
    );
    assert_eq!(backup.downtime_definition.retry_minutes, Some(30.0));
    assert_eq!(backup.data_guarantee.kind, DataGuaranteeKind::None);
    assert_eq!(backup.max_credit().value(), 25.0);

    let storage = catalog.get("azure/storage/hot-writes").expect("storage");
    assert_eq!(storage.downtime_definition.kind, DowntimeKind::ErrorRate);
    assert_eq!(storage.downtime_definition.interval_minutes, Some(60.0));
    assert_eq!(storage.data_guarantee.kind, DataGuaranteeKind::None);
    assert_eq!(storage.credit_cap.value(), 25.0);

    let s3 = catalog.get("aws/s3/standard").expect("s3");
    assert_eq!(s3.downtime_definition.kind, DowntimeKind::ErrorRate);
    assert_eq!(s3.downtime_definition.interval_minutes, Some(5.0));
    assert_eq!(s3.data_guarantee.kind, DataGuaranteeKind::None);
    assert!(s3.minimum_credit.is_some());
}

#[test]
fn on_prem_templates_are_labelled_assumptions() {
    let templates = nines_core::catalog::bundled_templates().expect("templates");
    let ids: Vec<&str> = templates.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "onprem/single-server",
            "onprem/raid1-server",
            "onprem/server-pair-load-balancer",
            "onprem/hosting-provider-sla",
            "onprem/tape-disk-backup"
        ]
    );
    for t in &templates {
        assert!(!t.assumptions.is_empty(), "{}", t.id);
        let labelled = |text: &str| text.contains("assumption") || text.contains("placeholder");
        assert!(
            labelled(&t.description) || t.assumptions.iter().any(|a| labelled(a)),
            "{}: the numbers are labelled as assumptions",
            t.id
        );
        // Each template evaluates as a model on its own.
        let model = nines_core::Model {
            name: None,
            currency: "USD".into(),
            business_loss_per_hour: None,
            shared: Default::default(),
            root: t.node.clone(),
            incidents: Vec::new(),
        };
        nines_core::evaluate(
            &model,
            &Catalog::bundled().expect("catalog"),
            &Default::default(),
        )
        .unwrap_or_else(|p| panic!("{}: {p}", t.id));
    }
}

#[test]
fn cloud_templates_are_catalog_patterns() {
    let catalog = Catalog::bundled().expect("catalog");
    let templates = nines_core::catalog::bundled_cloud_templates().expect("templates");
    let ids: Vec<&str> = templates.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "cloud/multi-az-web-tier",
            "cloud/active-passive-regions",
            "cloud/active-active-regions",
            "cloud/queue-worker"
        ]
    );
    for t in &templates {
        assert!(!t.assumptions.is_empty(), "{}", t.id);
        let model = nines_core::Model::new(t.node.clone());
        let report = nines_core::evaluate(&model, &catalog, &Default::default())
            .unwrap_or_else(|p| panic!("{}: {p}", t.id));
        assert!(
            report
                .components
                .iter()
                .filter(|c| c.catalog.is_some())
                .count()
                >= 2,
            "{}: built from catalog entries the user can swap",
            t.id
        );
    }
}
