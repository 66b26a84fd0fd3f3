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
        assert!(
            e.source.as_of <= catalog.version().date,
            "{}: as of a date after the catalog's",
            e.id
        );
        let commitment = e.commitment_percent();
        assert!((0.0..=100.0).contains(&commitment), "{}", e.id);
        for tier in e.credit_tiers.tiers() {
            assert!(
                tier.credit.value() <= e.credit_cap.value(),
                "{}: credit within cap",
                e.id
            );
        }
        // The status is the weakest of the entry's facts (data/README.md).
        let says = |prefix: &str| e.caveats.iter().any(|c| c.starts_with(prefix));
        if e.source.status == SourceStatus::Unverified {
            assert!(
                says("Unverified:"),
                "{}: unverified entries say what is unverified",
                e.id
            );
        }
        if says("Secondary:") {
            assert!(
                e.source.status >= SourceStatus::Secondary,
                "{}: a fact known only from a secondary source makes the entry secondary at best",
                e.id
            );
        }
        for caveat in e
            .caveats
            .iter()
            .filter(|c| c.starts_with("Unverified:") || c.starts_with("Secondary:"))
        {
            assert!(
                caveat.contains("(not confirmed in a primary source)"),
                "{}: {caveat:?} says it is not confirmed in a primary source",
                e.id
            );
        }
        if e.credit_tiers.is_unknown() {
            assert!(
                e.caveats
                    .iter()
                    .any(|c| c.contains("tiers") || c.contains("credit")),
                "{}: unknown tiers are explained in a caveat",
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
    // DynamoDB SLA (two copies dated 08/16/23): a third band below 95% → 100%.
    (
        "aws/dynamodb/standard",
        99.99,
        &[(99.99, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    (
        "aws/dynamodb/global-tables",
        99.999,
        &[(99.999, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    // Route 53 Resolver endpoints SLA (August 29, 2022), a page of its own.
    (
        "aws/route-53/resolver-endpoints-multi-az",
        99.99,
        &[(99.99, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    // Amazon Aurora SLA (May 19, 2022): Multi-AZ 99.99%, Single-AZ 99.9%.
    (
        "aws/aurora/multi-az-cluster",
        99.99,
        &[(99.99, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
    (
        "aws/aurora/single-az-cluster",
        99.9,
        &[(99.9, 10.0), (99.0, 25.0), (95.0, 100.0)],
        100.0,
    ),
];

#[test]
fn published_numbers() {
    let catalog = catalog();
    for &(id, commitment, tiers, cap) in PUBLISHED {
        let e = catalog.get(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(e.commitment_percent(), commitment, "{id} commitment");
        let actual: Vec<(f64, f64)> = e
            .credit_tiers
            .tiers()
            .iter()
            .map(|t| (t.below.value(), t.credit.value()))
            .collect();
        assert_eq!(actual, tiers, "{id} tiers");
        assert_eq!(e.credit_cap.value(), cap, "{id} cap");
    }
}

/// Unknown credit tiers are said to be unknown, never shown as none (Spanner SLA 2019: the
/// credit table was not found).
#[test]
fn unknown_tiers_are_unknown() {
    let catalog = catalog();
    let spanner = catalog.get("gcp/spanner/multi-region").expect("spanner");
    assert!(spanner.credit_tiers.is_unknown());
    assert!(spanner
        .caveats()
        .iter()
        .any(|c| c.text.starts_with("credits unknown")));
}

/// Design durability and recovery commitments are kept apart from uptime (S3 User Guide; S3
/// Replication Time Control SLA of May 4, 2022).
#[test]
fn durability_and_recovery_are_not_availability() {
    let catalog = catalog();
    let s3 = catalog.get("aws/s3/standard").expect("s3");
    let durability = s3
        .durability
        .as_ref()
        .expect("S3 publishes a design durability");
    assert_eq!(durability.design_percent.to_string(), "99.999999999");
    assert_eq!(s3.commitment.percent(), "99.9");
    let rtc = &s3.recovery[0];
    assert_eq!(rtc.kind, nines_core::sla::RecoveryKind::ReplicationTime);
    assert_eq!(rtc.minutes, 15.0);
    let tiers: Vec<(f64, f64)> = rtc
        .credit_tiers
        .iter()
        .map(|t| (t.below.value(), t.credit.value()))
        .collect();
    assert_eq!(tiers, [(99.9, 10.0), (98.0, 25.0), (95.0, 100.0)]);
    assert!(
        catalog.entries().len() >= 150,
        "{} entries",
        catalog.entries().len()
    );
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
        let model = nines_core::Model::new(t.node.clone());
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
