/// The API contract. Tests check real responses against these schemas.
enum OpenAPIDocument {
    static let json = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "Hotlist Watch API",
  "version": "1.0.0",
  "description": "Directory of law-enforcement agencies using ALPRs, what their Flock transparency portals say, and the reference facts (NCIC topics, state laws) with sources and confidence grades. Reading needs no account; changes need an API token (Authorization: Bearer) and are recorded in the audit trail. Agency and portal data: The News & Observer, Private Eyes (MIT licence)."
 },
 "paths": {
  "/api/v1/agencies": {
   "get": {
    "operationId": "listAgencies",
    "summary": "Search the agency directory",
    "parameters": [
     {
      "name": "q",
      "in": "query",
      "required": false,
      "description": "Text the agency name contains",
      "schema": {
       "type": "string",
       "maxLength": 200
      }
     },
     {
      "name": "state",
      "in": "query",
      "required": false,
      "description": "Two-letter state code",
      "schema": {"type": "string", "description": "Two-letter state code (either case)", "enum": ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy"]}
     },
     {
      "name": "kind",
      "in": "query",
      "required": false,
      "description": "Kind of agency",
      "schema": {
       "type": "string",
       "enum": [
        "police_department",
        "sheriffs_office",
        "university",
        "task_force",
        "state_police",
        "other"
       ]
      }
     },
     {
      "name": "alerts_ncic",
      "in": "query",
      "required": false,
      "description": "Portal lists NCIC",
      "schema": {
       "type": "string",
       "enum": [
        "true",
        "false"
       ]
      }
     },
     {
      "name": "prohibits_immigration",
      "in": "query",
      "required": false,
      "description": "Portal forbids immigration enforcement",
      "schema": {
       "type": "string",
       "enum": [
        "true",
        "false"
       ]
      }
     },
     {
      "name": "has_portal",
      "in": "query",
      "required": false,
      "description": "Has a transparency portal",
      "schema": {
       "type": "string",
       "enum": [
        "true",
        "false"
       ]
      }
     },
     {
      "name": "answered",
      "in": "query",
      "required": false,
      "description": "true: records already answered whether Immigration Violator is on (a verified finding or a report such as EFF's); false: not yet (ask first)",
      "schema": {
       "type": "string",
       "enum": [
        "true",
        "false"
       ]
      }
     },
     {
      "name": "sort",
      "in": "query",
      "required": false,
      "description": "Sort order",
      "schema": {
       "type": "string",
       "enum": [
        "priority",
        "name",
        "state",
        "sharing",
        "cameras",
        "snapshot"
       ]
      }
     },
     {
      "name": "page",
      "in": "query",
      "required": false,
      "description": "Page number from 1",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100000
      }
     },
     {
      "name": "per_page",
      "in": "query",
      "required": false,
      "description": "Page size (1-200)",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 200
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AgencyList"
        }
       }
      }
     },
     "400": {
      "description": "Bad request: the problems name each parameter.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/agencies/{id}": {
   "get": {
    "operationId": "getAgency",
    "summary": "One agency with snapshots, sharing and state law",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {"type": "integer", "minimum": 1}
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AgencyDetail"
        }
       }
      }
     },
     "404": {
      "description": "Not found.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
 "/api/v1/me": {
  "get": {
   "operationId": "getMe",
   "summary": "The account the API token belongs to",
   "security": [
    {
     "bearer": []
    }
   ],
   "responses": {
    "200": {
     "description": "OK",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Me"
       }
      }
     }
    },
    "401": {
     "description": "No token, or the token is unknown, revoked, or its owner is disabled.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    }
   }
  }
 },
 "/api/v1/agencies/{id}/records-contact": {
  "put": {
   "operationId": "replaceRecordsContact",
   "summary": "Correct where an agency takes records requests (volunteer, reviewer or admin token; audited)",
   "security": [
    {
     "bearer": []
    }
   ],
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "schema": {"type": "integer", "minimum": 1}
    }
   ],
   "requestBody": {
    "required": true,
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/RecordsContactInput"
      }
     }
    }
   },
   "responses": {
    "415": {"description": "The body was not sent as application/json.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
    "200": {
     "description": "Saved",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/RecordsContact"
       }
      }
     }
    },
    "400": {
     "description": "The body is not JSON, has unknown fields, or a value is invalid; each problem names its field.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    },
    "401": {
     "description": "No valid API token.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    },
    "403": {
     "description": "The token's role may not do this.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    },
    "404": {
     "description": "No such agency.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    },
    "413": {
     "description": "The body is larger than the configured limit.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    }
   }
  }
 },
 "/api/v1/requests": {
  "get": {
   "operationId": "listRequests",
   "summary": "Public-records requests, newest first (any signed-in role's token)",
   "security": [
    {
     "bearer": []
    }
   ],
   "parameters": [
    {
     "name": "status",
     "in": "query",
     "required": false,
     "schema": {
      "type": "string"
     }
    },
    {
     "name": "state",
     "in": "query",
     "required": false,
     "schema": {"type": "string", "description": "Two-letter state code (either case)", "enum": ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy"]}
    },
    {
     "name": "campaign",
     "in": "query",
     "required": false,
     "schema": {"type": "integer", "minimum": 1}
    },
    {
     "name": "agency",
     "in": "query",
     "required": false,
     "schema": {"type": "integer", "minimum": 1}
    }
   ],
   "responses": {
    "200": {
     "description": "OK",
     "content": {
      "application/json": {
       "schema": {
        "type": "array",
        "items": {
         "$ref": "#/components/schemas/Request"
        }
       }
      }
     }
    },
    "400": {
     "description": "A bad or unknown parameter, named.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    },
    "401": {
     "description": "No valid API token.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    }
   }
  },
  "post": {
   "operationId": "createRequest",
   "summary": "A new draft request; without subject and letter the standard letter is written under the agency's state law",
   "security": [
    {
     "bearer": []
    }
   ],
   "requestBody": {
    "required": true,
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/RequestInput"
      }
     }
    }
   },
   "responses": {
    "415": {"description": "The body was not sent as application/json.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
    "201": {
     "description": "Created",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Request"
       }
      }
     }
    },
    "400": {
     "description": "Bad input, each problem naming its field.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    },
    "401": {
     "description": "No valid API token.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    },
    "403": {
     "description": "The token's role may not do this.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    },
    "404": {
     "description": "No such agency.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    }
   }
  }
 },
 "/api/v1/requests/{id}": {
  "get": {
   "operationId": "getRequest",
   "summary": "One request with its letter, communications, fees, exemptions and history",
   "security": [
    {
     "bearer": []
    }
   ],
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "schema": {"type": "integer", "minimum": 1}
    }
   ],
   "responses": {
    "200": {
     "description": "OK",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/RequestDetail"
       }
      }
     }
    },
    "401": {
     "description": "No valid API token.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    },
    "404": {
     "description": "No such request.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    }
   }
  }
 },
 "/api/v1/requests/{id}/status": {
  "post": {
   "operationId": "changeRequestStatus",
   "summary": "Move a request to a new status (filed computes the due date); impossible moves are refused with the possible ones",
   "security": [
    {
     "bearer": []
    }
   ],
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "schema": {"type": "integer", "minimum": 1}
    }
   ],
   "requestBody": {
    "required": true,
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/StatusChangeInput"
      }
     }
    }
   },
   "responses": {
    "415": {"description": "The body was not sent as application/json.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
    "200": {
     "description": "OK",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Request"
       }
      }
     }
    },
    "400": {
     "description": "An impossible move or bad date, named.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    },
    "401": {
     "description": "No valid API token.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    },
    "404": {
     "description": "No such request.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    }
   }
  }
 },
 "/api/v1/campaigns": {
  "get": {
   "operationId": "listCampaigns",
   "summary": "Campaigns: one request to many agencies chosen by a directory filter",
   "security": [
    {
     "bearer": []
    }
   ],
   "responses": {
    "200": {
     "description": "OK",
     "content": {
      "application/json": {
       "schema": {
        "type": "array",
        "items": {
         "$ref": "#/components/schemas/Campaign"
        }
       }
      }
     }
    },
    "401": {
     "description": "No valid API token.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    }
   }
  }
 },
 "/api/v1/findings": {
  "get": {
   "operationId": "listFindings",
   "summary": "Every verified finding (the newest verified version of each), with its agency; unverified findings are never listed",
   "parameters": [
    {"name": "state", "in": "query", "required": false, "schema": {"type": "string", "description": "Two-letter state code (either case)", "enum": ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy"]}},
    {"name": "immigration_violator", "in": "query", "required": false, "schema": {"type": "string", "enum": ["enabled", "disabled", "not_shown"]}}
   ],
   "responses": {
    "200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/AgencyFinding"}}}}},
    "400": {"description": "A bad or unknown parameter, named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
   }
  }
 },
 "/api/v1/contradictions": {
  "get": {
   "operationId": "listContradictions",
   "summary": "Where agencies' ALPR use contradicts their own policy, their statements or state law; each with its explanation and citations",
   "parameters": [
    {
     "name": "rule",
     "in": "query",
     "required": false,
     "schema": {
      "type": "integer",
      "minimum": 1,
      "maximum": 7
     }
    },
    {
     "name": "state",
     "in": "query",
     "required": false,
     "schema": {"type": "string", "description": "Two-letter state code (either case)", "enum": ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy"]}
    }
   ],
   "responses": {
    "200": {
     "description": "OK",
     "content": {
      "application/json": {
       "schema": {
        "type": "array",
        "items": {
         "$ref": "#/components/schemas/Contradiction"
        }
       }
      }
     }
    },
    "400": {
     "description": "A bad or unknown parameter, named.",
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Error"
       }
      }
     }
    }
   }
  }
 },
  "/api/v1/reference/ncic": {
   "get": {
    "operationId": "listNCICTopics",
    "summary": "NCIC hotlist topics with sources",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/NCICTopic"
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/reference/states": {
   "get": {
    "operationId": "listStateLaws",
    "summary": "Public-records law of every state and DC",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/StateLaw"
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/reference/states/{code}": {
   "get": {
    "operationId": "getStateLaw",
    "summary": "One state's records law and restriction laws",
    "parameters": [
     {
      "name": "code",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/StateDetail"
        }
       }
      }
     },
     "404": {
      "description": "Not found.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/openapi.json": {
   "get": {
    "operationId": "openAPI",
    "summary": "This document",
    "responses": {
     "200": {
      "description": "OpenAPI 3.1 document",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "securitySchemes": {
   "bearer": {"type": "http", "scheme": "bearer", "description": "An API token from your account page (hwt_…). Needed only for /me and writes."}
  },
  "schemas": {
   "Priority": {
    "type": "object",
    "properties": {
     "tier": {
      "type": "integer",
      "minimum": 1,
      "maximum": 5
     },
     "title": {
      "type": "string"
     },
     "reasons": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "tier",
     "title",
     "reasons"
    ],
    "additionalProperties": false
   },
   "AgencySummary": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "state": {
      "type": "string",
      "pattern": "^[A-Z]{2}$"
     },
     "kind": {
      "type": "string",
      "enum": [
       "police_department",
       "sheriffs_office",
       "university",
       "task_force",
       "state_police",
       "other"
      ]
     },
     "alerts_ncic": {
      "type": "string",
      "enum": [
       "yes",
       "not_listed",
       "unknown"
      ],
      "description": "yes: the portal's Hotlists Alerted On names NCIC; not_listed: it lists hotlists without NCIC; unknown: no hotlist data."
     },
     "prohibits_immigration": {
      "type": "string",
      "enum": [
       "prohibits",
       "silent",
       "unknown"
      ],
      "description": "prohibits: the portal's prohibited uses name immigration enforcement; silent: they do not; unknown: no policy text."
     },
     "shares_with_count": {
      "type": "integer"
     },
     "receives_from_count": {
      "type": "integer"
     },
     "has_portal": {
      "type": "boolean"
     },
     "camera_count": {
      "type": "integer"
     },
     "latest_snapshot_at": {
      "type": "string",
      "format": "date-time"
     },
     "snapshot_age_days": {
      "type": "integer"
     },
     "priority": {
      "$ref": "#/components/schemas/Priority"
     },
     "url": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "name",
     "kind",
     "alerts_ncic",
     "prohibits_immigration",
     "shares_with_count",
     "receives_from_count",
     "has_portal",
     "priority",
     "url"
    ],
    "additionalProperties": false
   },
   "AgencyList": {
    "type": "object",
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AgencySummary"
      }
     },
     "page": {
      "type": "integer"
     },
     "per_page": {
      "type": "integer"
     },
     "total": {
      "type": "integer"
     },
     "page_count": {
      "type": "integer"
     },
     "next": {
      "type": "string"
     },
     "previous": {
      "type": "string"
     }
    },
    "required": [
     "items",
     "page",
     "per_page",
     "total",
     "page_count"
    ],
    "additionalProperties": false
   },
   "Link": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "state": {
      "type": "string"
     },
     "url": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "name",
     "url"
    ],
    "additionalProperties": false
   },
   "ThirtyDayCounts": {
    "type": "object",
    "properties": {
     "vehicles_detected": {
      "type": "integer"
     },
     "hotlist_hits": {
      "type": "integer"
     },
     "searches": {
      "type": "integer"
     }
    },
    "required": [],
    "additionalProperties": false
   },
   "Snapshot": {
    "type": "object",
    "properties": {
     "page": {
      "type": "string",
      "enum": [
       "usage",
       "policy"
      ]
     },
     "updated_at": {
      "type": "string",
      "format": "date-time"
     },
     "accessed_at": {
      "type": "string",
      "format": "date-time"
     },
     "url": {
      "type": "string"
     },
     "portal_name": {
      "type": "string"
     },
     "data_retention_days": {
      "type": "integer"
     },
     "data_retention_raw": {
      "type": "string"
     },
     "camera_count": {
      "type": "integer"
     },
     "hotlists": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "hotlists_raw": {
      "type": "string"
     },
     "prohibited_uses": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "prohibited_uses_raw": {
      "type": "string"
     },
     "acceptable_use_policy": {
      "type": "string"
     },
     "access_policy": {
      "type": "string"
     },
     "hotlist_policy": {
      "type": "string"
     },
     "thirty_day_counts": {
      "$ref": "#/components/schemas/ThirtyDayCounts"
     },
     "source": {
      "type": "string"
     }
    },
    "required": [
     "page",
     "hotlists",
     "prohibited_uses",
     "thirty_day_counts",
     "source"
    ],
    "additionalProperties": false
   },
   "StateLaw": {
    "type": "object",
    "properties": {
     "state": {
      "type": "string"
     },
     "state_name": {
      "type": "string"
     },
     "law_name": {
      "type": "string"
     },
     "citation": {
      "type": "string"
     },
     "deadline_days": {
      "type": "integer"
     },
     "deadline_kind": {
      "type": "string",
      "enum": [
       "business",
       "calendar",
       "prompt",
       "none"
      ]
     },
     "deadline_summary": {
      "type": "string"
     },
     "deadline_note": {
      "type": "string"
     },
     "residency_required": {
      "type": "string",
      "enum": [
       "yes",
       "no",
       "unclear"
      ]
     },
     "appeal_route": {
      "type": "string"
     },
     "appeal_route_researched": {
      "type": "boolean",
      "description": "False when the appeal route has no source yet: pages show it as not yet researched."
     },
     "appeal_source": {
      "type": "string",
      "description": "Where the appeal route was read; present only when researched."
     },
     "source": {
      "type": "string"
     },
     "confidence": {
      "type": "string",
      "enum": [
       "high",
       "medium",
       "low"
      ]
     }
    },
    "required": [
     "state",
     "state_name",
     "law_name",
     "citation",
     "deadline_kind",
     "deadline_summary",
     "deadline_note",
     "residency_required",
     "appeal_route",
     "appeal_route_researched",
     "source",
     "confidence"
    ],
    "additionalProperties": false
   },
   "RestrictionLaw": {
    "type": "object",
    "properties": {
     "state": {
      "type": "string"
     },
     "law_name": {
      "type": "string"
     },
     "citation": {
      "type": "string"
     },
     "what_it_restricts": {
      "type": "string"
     },
     "unverified_bill": {
      "type": "boolean"
     },
     "source": {
      "type": "string"
     },
     "confidence": {
      "type": "string",
      "enum": [
       "high",
       "medium",
       "low"
      ]
     }
    },
    "required": [
     "state",
     "law_name",
     "citation",
     "what_it_restricts",
     "unverified_bill",
     "source",
     "confidence"
    ],
    "additionalProperties": false
   },
   "StateDetail": {
    "type": "object",
    "properties": {
     "records_law": {
      "$ref": "#/components/schemas/StateLaw"
     },
     "restriction_laws": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/RestrictionLaw"
      }
     }
    },
    "required": [
     "records_law",
     "restriction_laws"
    ],
    "additionalProperties": false
   },
   "NCICTopic": {
    "type": "object",
    "properties": {
     "key": {
      "type": "string"
     },
     "flock_label": {
      "type": "string"
     },
     "flock_label_confidence": {
      "type": "string",
      "enum": [
       "high",
       "medium",
       "low"
      ]
     },
     "ncic_file": {
      "type": "string"
     },
     "contents": {
      "type": "string"
     },
     "who_may_enter": {
      "type": "string"
     },
     "notes": {
      "type": "string"
     },
     "source": {
      "type": "string"
     },
     "confidence": {
      "type": "string",
      "enum": [
       "high",
       "medium",
       "low"
      ]
     }
    },
    "required": [
     "key",
     "ncic_file",
     "contents",
     "who_may_enter",
     "notes",
     "source",
     "confidence"
    ],
    "additionalProperties": false
   },
   "AgencyDetail": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "state": {
      "type": "string"
     },
     "state_unresolved_reason": {
      "type": "string"
     },
     "kind": {
      "type": "string",
      "enum": [
       "police_department",
       "sheriffs_office",
       "university",
       "task_force",
       "state_police",
       "other"
      ]
     },
     "place": {
      "type": "string"
     },
     "ori": {
      "type": "string"
     },
     "city": {
      "type": "string"
     },
     "county": {
      "type": "string"
     },
     "vendor": {
      "type": "string"
     },
     "flock_portal_url": {
      "type": "string"
     },
     "contract_renewal": {
      "type": "string"
     },
     "records_email": {
      "type": "string"
     },
     "records_portal_url": {
      "type": "string"
     },
     "alerts_ncic": {
      "type": "string",
      "enum": [
       "yes",
       "not_listed",
       "unknown"
      ],
      "description": "yes: the portal's Hotlists Alerted On names NCIC; not_listed: it lists hotlists without NCIC; unknown: no hotlist data."
     },
     "ncic_evidence": {
      "type": "string"
     },
     "prohibits_immigration": {
      "type": "string",
      "enum": [
       "prohibits",
       "silent",
       "unknown"
      ],
      "description": "prohibits: the portal's prohibited uses name immigration enforcement; silent: they do not; unknown: no policy text."
     },
     "immigration_evidence": {
      "type": "string"
     },
     "shares_with_count": {
      "type": "integer"
     },
     "receives_from_count": {
      "type": "integer"
     },
     "latest_snapshot_at": {
      "type": "string",
      "format": "date-time"
     },
     "snapshot_age_days": {
      "type": "integer"
     },
     "priority": {
      "$ref": "#/components/schemas/Priority"
     },
     "snapshots": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Snapshot"
      }
     },
     "shares_with": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Link"
      }
     },
     "receives_from": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Link"
      }
     },
     "records_law": {
      "$ref": "#/components/schemas/StateLaw"
     },
     "restriction_laws": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/RestrictionLaw"
      }
     },
     "status": {
      "type": "object",
      "properties": {
       "code": {"type": "string", "enum": ["immigration_violator_enabled", "immigration_violator_disabled", "refused", "no_response_past_due", "request_pending", "not_known_to_use_flock", "not_asked_yet"]},
       "label": {"type": "string"},
       "as_of": {"type": "string"}
      },
      "required": ["code", "label"],
      "additionalProperties": false
     },
     "reported_findings": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ReportedFinding"
      }
     },
     "findings": {
      "type": "array",
      "description": "Our own findings, the newest verified version of each. Unverified findings are never published.",
      "items": {"$ref": "#/components/schemas/Finding"}
     },
     "statements": {
      "type": "array",
      "description": "The agency's verified public statements and policies.",
      "items": {"$ref": "#/components/schemas/Statement"}
     },
     "hotlist_history": {
      "type": "array",
      "description": "Imported hotlist action logs, oldest first; user names and entry details are withheld.",
      "items": {"$ref": "#/components/schemas/HotlistChange"}
     },
     "contradictions": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Contradiction"
      }
     },
     "sources": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "id",
     "name",
     "kind",
     "alerts_ncic",
     "prohibits_immigration",
     "shares_with_count",
     "receives_from_count",
     "priority",
     "snapshots",
     "shares_with",
     "receives_from",
     "restriction_laws",
     "sources"
    ],
    "additionalProperties": false
   },
   "Me": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "email": {
      "type": "string"
     },
     "display_name": {
      "type": "string"
     },
     "role": {
      "type": "string",
      "enum": [
       "volunteer",
       "reviewer",
       "admin"
      ]
     }
    },
    "required": [
     "id",
     "email",
     "display_name",
     "role"
    ],
    "additionalProperties": false
   },
   "RecordsContactInput": {
    "type": "object",
    "properties": {
     "email": {
      "type": [
       "string",
       "null"
      ]
     },
     "portal_url": {
      "type": [
       "string",
       "null"
      ]
     }
    },
    "additionalProperties": false
   },
   "RecordsContact": {
    "type": "object",
    "properties": {
     "agency_id": {
      "type": "integer"
     },
     "email": {
      "type": "string"
     },
     "portal_url": {
      "type": "string"
     }
    },
    "required": [
     "agency_id"
    ],
    "additionalProperties": false
   },
   "Request": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "agency_id": {
      "type": "integer"
     },
     "agency_name": {
      "type": "string"
     },
     "state": {
      "type": "string"
     },
     "campaign_id": {
      "type": "integer"
     },
     "status": {
      "type": "string",
      "enum": [
       "draft",
       "filed",
       "acknowledged",
       "processing",
       "fee_requested",
       "needs_clarification",
       "partially_fulfilled",
       "fulfilled",
       "no_responsive_records",
       "denied",
       "appealing",
       "in_litigation",
       "withdrawn"
      ]
     },
     "requester_name": {
      "type": "string"
     },
     "requester_email": {
      "type": "string"
     },
     "subject": {
      "type": "string"
     },
     "channel": {
      "type": "string",
      "enum": [
       "email",
       "portal",
       "muckrock",
       "postal"
      ]
     },
     "portal_kind": {
      "type": "string",
      "enum": [
       "govqa",
       "nextrequest",
       "justfoia",
       "other"
      ]
     },
     "channel_url": {
      "type": "string"
     },
     "filed_on": {
      "type": "string",
      "format": "date"
     },
     "received_on": {
      "type": "string",
      "format": "date"
     },
     "due_on": {
      "type": "string",
      "format": "date"
     },
     "follow_up_on": {
      "type": "string",
      "format": "date"
     },
     "due_basis": {
      "type": "string"
     },
     "extension_days": {
      "type": "integer"
     },
     "overdue": {
      "type": "boolean"
     },
     "days_pending": {
      "type": "integer"
     },
     "tracking_numbers": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "id",
     "agency_id",
     "agency_name",
     "status",
     "requester_name",
     "requester_email",
     "subject",
     "channel",
     "extension_days",
     "overdue",
     "tracking_numbers"
    ],
    "additionalProperties": false
   },
   "RequestDetail": {
    "type": "object",
    "properties": {
     "request": {
      "$ref": "#/components/schemas/Request"
     },
     "letter": {
      "type": "string"
     },
     "communications": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "integer"
        },
        "direction": {
         "type": "string",
         "enum": [
          "incoming",
          "outgoing"
         ]
        },
        "channel": {
         "type": "string"
        },
        "date": {
         "type": "string",
         "format": "date"
        },
        "subject": {
         "type": "string"
        },
        "text": {
         "type": "string"
        }
       },
       "required": [
        "id",
        "direction",
        "channel",
        "date",
        "subject",
        "text"
       ],
       "additionalProperties": false
      }
     },
     "fees": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "integer"
        },
        "kind": {
         "type": "string",
         "enum": [
          "estimate",
          "invoice",
          "payment",
          "waiver"
         ]
        },
        "amount": {
         "type": "string"
        },
        "amount_cents": {
         "type": "integer"
        },
        "date": {
         "type": "string",
         "format": "date"
        },
        "note": {
         "type": "string"
        }
       },
       "required": [
        "id",
        "kind",
        "amount",
        "amount_cents",
        "date",
        "note"
       ],
       "additionalProperties": false
      }
     },
     "exemptions": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "integer"
        },
        "exemption": {
         "type": "string"
        },
        "cited_text": {
         "type": "string"
        }
       },
       "required": [
        "id",
        "cited_text"
       ],
       "additionalProperties": false
      }
     },
     "history": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "from": {
         "type": "string"
        },
        "to": {
         "type": "string"
        },
        "date": {
         "type": "string",
         "format": "date"
        },
        "note": {
         "type": "string"
        }
       },
       "required": [
        "to",
        "date",
        "note"
       ],
       "additionalProperties": false
      }
     }
    },
    "required": [
     "request",
     "letter",
     "communications",
     "fees",
     "exemptions",
     "history"
    ],
    "additionalProperties": false
   },
   "RequestInput": {
    "type": "object",
    "properties": {
     "agency_id": {
      "type": "integer",
      "minimum": 1
     },
     "requester_name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200
     },
     "requester_email": {
      "type": "string",
      "format": "email",
      "maxLength": 254
     },
     "requester_address": {
      "type": [
       "string",
       "null"
      ]
     },
     "requester_state": {
      "type": [
       "string",
       "null"
      ]
     },
     "channel": {
      "type": "string",
      "enum": [
       "email",
       "portal",
       "muckrock",
       "postal"
      ]
     },
     "portal_kind": {
      "type": [
       "string",
       "null"
      ]
     },
     "channel_url": {
      "type": [
       "string",
       "null"
      ]
     },
     "subject": {
      "type": "string"
     },
     "letter": {
      "type": "string"
     },
     "residency_acknowledged": {
      "type": "boolean",
      "description": "For an agency in a state that answers its residents only: file from a requester who does not live there anyway. Without it such a request is refused (400, field requester_state)."
     }
    },
    "required": [
     "agency_id",
     "requester_name",
     "requester_email"
    ],
    "additionalProperties": false
   },
   "StatusChangeInput": {
    "type": "object",
    "properties": {
     "status": {
      "type": "string",
      "enum": [
       "draft",
       "filed",
       "acknowledged",
       "processing",
       "fee_requested",
       "needs_clarification",
       "partially_fulfilled",
       "fulfilled",
       "no_responsive_records",
       "denied",
       "appealing",
       "in_litigation",
       "withdrawn"
      ]
     },
     "date": {
      "type": "string",
      "format": "date"
     },
     "note": {
      "type": "string"
     },
     "received_on": {
      "type": "string",
      "format": "date"
     },
     "tracking_number": {
      "type": "string"
     }
    },
    "required": [
     "status"
    ],
    "additionalProperties": false
   },
   "Campaign": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "agency_filter": {
      "type": "string"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     }
    },
    "required": [
     "id",
     "name",
     "description",
     "agency_filter",
     "created_at"
    ],
    "additionalProperties": false
   },
   "Citation": {
    "type": "object",
    "properties": {
     "text": {
      "type": "string"
     },
     "source": {
      "type": "string"
     },
     "confidence": {
      "type": "string",
      "enum": [
       "high",
       "medium",
       "low"
      ]
     }
    },
    "required": [
     "text",
     "source",
     "confidence"
    ],
    "additionalProperties": false
   },
   "Contradiction": {
    "type": "object",
    "properties": {
     "rule": {
      "type": "integer",
      "minimum": 1,
      "maximum": 7
     },
     "rule_id": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "agency_id": {
      "type": "integer"
     },
     "agency_name": {
      "type": "string"
     },
     "state": {
      "type": "string"
     },
     "explanation": {
      "type": "string"
     },
     "evidence": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "citations": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Citation"
      }
     },
     "related": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Link"
      }
     }
    },
    "required": [
     "rule",
     "rule_id",
     "title",
     "agency_name",
     "explanation",
     "evidence",
     "citations",
     "related"
    ],
    "additionalProperties": false
   },
   "Finding": {
    "type": "object",
    "properties": {
     "finding_id": {"type": "integer"},
     "version": {"type": "integer"},
     "as_of": {"type": "string", "format": "date"},
     "immigration_violator": {"type": "string", "enum": ["enabled", "disabled", "not_shown"]},
     "topics": {"type": "object", "additionalProperties": {"type": "string", "enum": ["enabled", "disabled", "not_shown"]}},
     "other_hotlists": {"type": "array", "items": {"type": "string"}},
     "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/EvidenceRef"}},
     "verified_at": {"type": "string", "format": "date-time"},
     "label": {"type": "string"}
    },
    "required": ["finding_id", "version", "as_of", "immigration_violator", "topics", "other_hotlists", "evidence", "verified_at", "label"],
    "additionalProperties": false
   },
   "AgencyFinding": {
    "type": "object",
    "properties": {
     "agency": {"$ref": "#/components/schemas/Link"},
     "finding": {"$ref": "#/components/schemas/Finding"}
    },
    "required": ["agency", "finding"],
    "additionalProperties": false
   },
   "EvidenceRef": {
    "type": "object",
    "properties": {
     "id": {"type": "integer"},
     "kind": {"type": "string", "enum": ["pdf", "png", "jpeg", "csv", "xlsx", "zip", "eml"]},
     "public": {"type": "boolean"},
     "sha256": {"type": "string"},
     "url": {"type": "string", "description": "Download address; only for public files."}
    },
    "required": ["id", "kind", "public", "sha256"],
    "additionalProperties": false
   },
   "Statement": {
    "type": "object",
    "properties": {
     "id": {"type": "integer"},
     "kind": {"type": "string", "enum": ["statement", "policy"]},
     "text": {"type": "string"},
     "speaker": {"type": "string"},
     "said_on": {"type": "string", "format": "date"},
     "source": {"type": "string"},
     "denies_immigration_use": {"type": "boolean"}
    },
    "required": ["id", "kind", "text", "speaker", "said_on", "source", "denies_immigration_use"],
    "additionalProperties": false
   },
   "HotlistChange": {
    "type": "object",
    "properties": {
     "occurred_at": {"type": "string", "format": "date-time"},
     "change": {"type": "string", "enum": ["created", "changed", "deleted", "other"]},
     "event_type": {"type": "string"},
     "entity_type": {"type": "string"}
    },
    "required": ["occurred_at", "change", "event_type", "entity_type"],
    "additionalProperties": false
   },
   "ReportedFinding": {
    "type": "object",
    "properties": {
     "outcome": {
      "type": "string",
      "enum": [
       "immigration_violator_enabled",
       "immigration_violator_disabled",
       "refused"
      ]
     },
     "label": {
      "type": "string"
     },
     "reported_by": {
      "type": "string"
     },
     "as_of": {
      "type": "string"
     },
     "source": {
      "type": "string"
     },
     "confidence": {
      "type": "string",
      "enum": [
       "high",
       "medium",
       "low"
      ]
     }
    },
    "required": [
     "outcome",
     "label",
     "reported_by",
     "as_of",
     "source",
     "confidence"
    ],
    "additionalProperties": false
   },
   "Error": {
    "type": "object",
    "properties": {
     "error": {
      "type": "object",
      "properties": {
       "status": {
        "type": "integer"
       },
       "message": {
        "type": "string"
       },
       "problems": {
        "type": "array",
        "items": {
         "type": "object",
         "properties": {
          "field": {
           "type": "string"
          },
          "message": {
           "type": "string"
          }
         },
         "required": [
          "message"
         ]
        }
       }
      },
      "required": [
       "status",
       "message",
       "problems"
      ],
      "additionalProperties": false
     }
    },
    "required": [
     "error"
    ],
    "additionalProperties": false
   }
  }
 }
}
"""#
}
